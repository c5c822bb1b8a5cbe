import type { Locale, Role } from '../../common/enums';

export type Binding = {
  id: number;
  role: Role;
  orgId: number | null;
  orgPath: string;
  orgName: string | null;
};

/** The signed-in person as every access check sees them. */
export type Actor = {
  userId: number;
  username: string;
  name: string;
  locale: Locale;
  memberId: number | null;
  csrfToken: string;
  bindings: Binding[];
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

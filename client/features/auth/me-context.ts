import { createContext, useContext } from 'react';
import type { Me } from '../../../common/schemas/auth';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user, for pages under the auth gate (which renders nothing until it is known). */
export function useSignedIn(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSignedIn outside the auth gate');
  return me;
}

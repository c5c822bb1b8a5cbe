/// <reference types="vite/client" />

/** A language's messages for the phone pages only (`scripts/phone-messages.ts`). */
declare module '*.json?phone' {
  const messages: Record<string, unknown>;
  export default messages;
}

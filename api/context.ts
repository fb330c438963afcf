import type { Actor, Role } from '../engine';

/** The signed-in user as every route sees them. */
export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string;
  readonly mustChangePassword: boolean;
}

export interface Viewer {
  readonly user: SessionUser;
  /** The user as the engine's rules see them, with the units in their scope. */
  readonly actor: Actor;
}

/** Hono's environment for the whole app: what middleware puts on the context. */
export type AppEnv = {
  Variables: {
    requestId: string;
    viewer: Viewer | null;
    /** For the request log: what a refused request was refused for. */
    outcome?: string;
    /** For the request log: a refused sign-in's username and client address, so an operator can ban a guesser (fail2ban) or see a spray. Never the password. */
    signIn?: { readonly username: string; readonly address: string };
  };
};

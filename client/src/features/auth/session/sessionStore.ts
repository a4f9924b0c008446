/** What the SPA keeps of a signed-in session, in this tab's sessionStorage. */
export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

/** How a session ended, when the SPA ended it itself (not an expiry or a failed refresh). */
export interface SessionEnding {
  /** The person signed out (or had to, after a password change): the next sign-in starts at home. */
  signedOut: true;
  /** Shown on the sign-in page, e.g. why the session ended. */
  notice?: string;
}

export interface SessionStore {
  get: () => Session | null;
  set: (session: Session) => void;
  clear: (ending?: SessionEnding) => void;
  /** How the last session ended, when the SPA ended it; cleared by the next sign-in. */
  ending: () => SessionEnding | null;
  subscribe: (listener: () => void) => () => void;
}

const STORAGE_KEY = 'salescrm.session';

export function createSessionStore(storage: Storage): SessionStore {
  let current = read(storage);
  let ending: SessionEnding | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    listeners.forEach((listener) => {
      listener();
    });
  };

  return {
    get: () => current,
    set(session) {
      current = session;
      ending = null;
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      notify();
    },
    clear(how) {
      if (how) ending = how;
      if (current === null) return;
      current = null;
      storage.removeItem(STORAGE_KEY);
      notify();
    },
    ending: () => ending,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function read(storage: Storage): Session | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number') return null;
    return {
      accessToken: value.accessToken,
      refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : null,
      expiresAt: value.expiresAt,
    };
  } catch {
    return null;
  }
}

export const sessionStore: SessionStore = createSessionStore(window.sessionStorage);

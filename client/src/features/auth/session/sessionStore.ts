/** What the SPA keeps of a signed-in session, in this tab's sessionStorage. */
export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

export interface SessionStore {
  get: () => Session | null;
  set: (session: Session) => void;
  clear: () => void;
  subscribe: (listener: () => void) => () => void;
}

const STORAGE_KEY = 'salescrm.session';

export function createSessionStore(storage: Storage): SessionStore {
  let current = read(storage);
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
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      notify();
    },
    clear() {
      if (current === null) return;
      current = null;
      storage.removeItem(STORAGE_KEY);
      notify();
    },
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

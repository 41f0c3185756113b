const KEY = 'hub.workbench.token';

/** Who the token says the viewer is (read from its payload for display only; the gateway checks it). */
export interface SessionViewer {
  office: string;
  role: string;
  sub: string;
  exp: number;
}

/**
 * The viewer's token, kept in sessionStorage only: it lives as long as the browser tab and is never
 * written to localStorage or a cookie, so closing the tab signs out.
 */
export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn: (token: string): void => sessionStorage.setItem(KEY, token),
  signOut: (): void => sessionStorage.removeItem(KEY),
  viewer(): SessionViewer | null {
    const token = sessionStorage.getItem(KEY);
    const payload = token?.split('.')[1];
    if (!payload) return null;
    try {
      const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
      const claims = JSON.parse(json);
      return { office: String(claims.office), role: String(claims.role), sub: String(claims.sub), exp: Number(claims.exp) };
    } catch {
      return null;
    }
  },
};

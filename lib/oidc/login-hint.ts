/** Cookie that carries the personal id typed before a refused attempt back to the sign-in form. */
export const LOGIN_HINT_COOKIE = "vneid_login_hint";

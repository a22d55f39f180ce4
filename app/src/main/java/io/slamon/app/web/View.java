package io.slamon.app.web;

/**
 * What every page needs besides its data: the language, who is signed in (null on the login
 * page), the session's CSRF token for forms, and the current path for the language switch.
 */
record View(Messages m, Principal principal, String csrf, String path) {}

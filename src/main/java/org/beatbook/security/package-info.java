/**
 * Security: staff accounts (stored in PostgreSQL, passwords hashed), form login for the staff pages, HTTP Basic for the
 * API, the first administrator (from configuration or a one-time setup token), login throttling and the staff home.
 * It exposes no API to other modules: they protect their endpoints with the URL rules and {@code @PreAuthorize}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.beatbook.security;

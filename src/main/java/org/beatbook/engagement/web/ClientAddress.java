package org.beatbook.engagement.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The IP address rate limits count. Behind a reverse proxy set {@code server.forward-headers-strategy=native}
 * (or framework) so this is the resident's address and not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}

package org.beatbook.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this Beatbook: shown in page footers and required in every email (postal address, the non-emergency
 * number). {@code publicUrl} is where residents reach the site, used for links in emails.
 */
@ConfigurationProperties("beatbook.department")
public record Department(String name, String postalAddress, String nonEmergencyPhone, String publicUrl,
                         String mailFrom) {

    /** {@code publicUrl} without a trailing slash, ready to have a path appended. */
    public String link(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}

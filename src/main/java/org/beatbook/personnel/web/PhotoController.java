package org.beatbook.personnel.web;

import java.time.Duration;

import org.beatbook.personnel.application.Personnel;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * Member photos: public (and cacheable for a day) only while the member serves somewhere; staff see every photo,
 * uncached by shared caches. {@code ?size=small} gives the 64 px version.
 */
@Controller
class PhotoController {

    private final Personnel personnel;

    PhotoController(Personnel personnel) {
        this.personnel = personnel;
    }

    @GetMapping("/members/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @RequestParam(defaultValue = "large") String size,
                                 Authentication authentication, WebRequest request) {
        boolean staff = isStaff(authentication);
        var photo = personnel.photo(id, size.equals("small"), staff);
        if (photo.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + photo.get().etag() + (size.equals("small") ? "-s" : "-l") + "\"";
        boolean shared = personnel.serving(id);
        CacheControl cache = shared ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic()
                : CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag(etag).cacheControl(cache)
                .body(photo.get().bytes());
    }

    private static boolean isStaff(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_STAFF") || a.equals("ROLE_ADMIN"));
    }
}

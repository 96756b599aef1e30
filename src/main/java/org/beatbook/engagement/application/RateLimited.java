package org.beatbook.engagement.application;

/** Too many sign-ups from one IP address or for one email address; the caller should wait. */
public class RateLimited extends RuntimeException {

    public RateLimited() {
        super("Too many sign-ups; try again later");
    }
}

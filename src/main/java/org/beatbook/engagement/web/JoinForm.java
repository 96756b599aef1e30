package org.beatbook.engagement.web;

import java.util.List;

import org.beatbook.engagement.domain.SignUp;

/**
 * The sign-up form as posted. {@code website} is the honeypot: hidden from people, filled in by bots.
 * {@code district} only pre-fills the hint; the list is always assigned from the address.
 */
record JoinForm(String name, String email, String phone, String address, String language, List<String> priorities,
                String concern, Boolean consent, String website, String district) {

    static JoinForm blank(String address, String district, String language) {
        return new JoinForm("", "", "", address == null ? "" : address, language, List.of(), "", false, "",
                district);
    }

    SignUp toSignUp() {
        return new SignUp(name, email, phone, address, language, priorities, concern, Boolean.TRUE.equals(consent));
    }

    boolean chose(String priority) {
        return priorities != null && priorities.contains(priority);
    }

    boolean isBot() {
        return website != null && !website.isEmpty();
    }
}

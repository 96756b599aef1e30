package org.beatbook.personnel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member's own fields (without assignments and photo), as entered in a form, the API or a roster row.
 *
 * @param displayName how the public sees the name; when blank, "given family"
 * @param languages ISO 639-1 codes
 */
public record MemberData(String badge, String givenName, String familyName, String displayName, String rankKey,
                         String email, String phone, boolean publicEmail, boolean publicPhone, List<String> languages,
                         boolean sworn, boolean active, boolean demo) {

    private static final Pattern BADGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
    /** Deliberately simple: something@domain.tld without spaces; delivery is the real test. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ x-]{3,40}|[0-9+()./ -]{3,30}(ext\\.?|x) ?[0-9]{1,6}");

    public MemberData {
        badge = trim(badge);
        givenName = trim(givenName);
        familyName = trim(familyName);
        displayName = trim(displayName);
        if (displayName.isEmpty()) {
            displayName = (givenName + " " + familyName).trim();
        }
        rankKey = trim(rankKey);
        email = blankToNull(email);
        phone = blankToNull(phone);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The problems with these fields, each naming its field; empty when they are fine. */
    public List<Violation> check(Set<String> ranks) {
        List<Violation> problems = new ArrayList<>();
        if (!BADGE.matcher(badge).matches()) {
            problems.add(Violation.of("badge", "badge", badge));
        }
        if (givenName.isEmpty() || givenName.length() > 100) {
            problems.add(Violation.of("givenName", "givenName"));
        }
        if (familyName.isEmpty() || familyName.length() > 100) {
            problems.add(Violation.of("familyName", "familyName"));
        }
        if (displayName.length() > 200) {
            problems.add(Violation.of("displayName", "displayName"));
        }
        if (!ranks.contains(rankKey)) {
            problems.add(Violation.of("rank", "rank", rankKey, String.join(", ", ranks)));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(Violation.of("email", "email", email));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(Violation.of("phone", "phone", phone));
        }
        if (publicEmail && email == null) {
            problems.add(Violation.of("publicEmail", "publicEmail"));
        }
        if (publicPhone && phone == null) {
            problems.add(Violation.of("publicPhone", "publicPhone"));
        }
        languages.stream().filter(code -> !Languages.known(code)).findFirst()
                .ifPresent(code -> problems.add(Violation.of("languages", "language", code)));
        return problems;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

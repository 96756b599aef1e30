package org.beatbook.personnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MemberDataTests {

    static final Set<String> RANKS = Set.of("officer", "sergeant");

    static MemberData maria(String email, boolean publicEmail, String phone, boolean publicPhone) {
        return new MemberData("12345", "Maria", "Lopez", "", "officer", email, phone, publicEmail, publicPhone,
                List.of("en", "es"), true, true, false);
    }

    @Test
    void aCompleteMemberIsFineAndGetsADisplayName() {
        MemberData maria = maria("maria.lopez@example.org", true, "312-555-0100", false);
        assertThat(maria.check(RANKS)).isEmpty();
        assertThat(maria.displayName()).isEqualTo("Maria Lopez");
    }

    @Test
    void eachBadFieldIsNamed() {
        MemberData bad = new MemberData("12 34", "", "Lopez", "", "general", "maria@", "call me", false, false,
                List.of("en", "xx"), true, true, false);
        assertThat(bad.check(RANKS)).extracting(Violation::field)
                .containsExactly("badge", "givenName", "rank", "email", "phone", "languages");
    }

    @Test
    void aContactCanOnlyBePublicWhenItExists() {
        assertThat(maria(null, true, null, true).check(RANKS)).extracting(Violation::code)
                .containsExactly("publicEmail", "publicPhone");
    }

    @Test
    void thePublicSeesOnlyWhatTheMemberMadePublic() {
        assertThat(PublicContact.visible("maria.lopez@example.org", true)).isEqualTo("maria.lopez@example.org");
        assertThat(PublicContact.visible("maria.lopez@example.org", false)).isNull();
        assertThat(PublicContact.visible(null, true)).isNull();
        assertThat(PublicContact.visible(" ", true)).isNull();
    }

    @Test
    void languagesAreIsoCodesShownAsNames() {
        assertThat(Languages.split("EN; es,pl  en")).containsExactly("en", "es", "pl");
        assertThat(org.beatbook.platform.LanguageNames.names(List.of("en", "es", "pl"), Locale.ENGLISH))
                .containsExactly("English", "Spanish", "Polish");
        assertThat(org.beatbook.platform.LanguageNames.name("es", Locale.forLanguageTag("es"))).isEqualTo("Español");
        assertThat(Languages.known("xx")).isFalse();
    }
}

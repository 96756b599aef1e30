package org.beatbook.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class UnsubscribeRequestTests {

    static final String SIG = "AbC_d-0123456789abcdefghijklmnopqrstuvwxyzQ";

    @Test
    void theSubjectAsTheMailtoLinkFillsItInOrAsMailClientsChangeIt() {
        UnsubscribeRequest expected = new UnsubscribeRequest(42, SIG);
        assertThat(UnsubscribeRequest.find("unsubscribe 42 " + SIG, null)).contains(expected);
        assertThat(UnsubscribeRequest.find("Re: UNSUBSCRIBE 42 " + SIG, "")).contains(expected);
        assertThat(UnsubscribeRequest.find("AW: [External]  Unsubscribe\t42  " + SIG + " ", null)).contains(expected);
    }

    @Test
    void theFirstNonBlankLineOfTheBodyWhenTheSubjectHasNone() {
        assertThat(UnsubscribeRequest.find("Remove me", "\r\n  unsubscribe 7 " + SIG + "\r\n\r\nSent from my phone"))
                .contains(new UnsubscribeRequest(7, SIG));
        assertThat(UnsubscribeRequest.find(null, "Hello,\nunsubscribe 7 " + SIG)).as("only the first line").isEmpty();
    }

    @Test
    void nothingThatMerelyLooksSimilar() {
        assertThat(UnsubscribeRequest.find("unsubscribe me please", "please")).isEmpty();
        assertThat(UnsubscribeRequest.find("unsubscribe 42", null)).isEmpty();
        assertThat(UnsubscribeRequest.find("unsubscribe x42 " + SIG, null)).isEmpty();
        assertThat(UnsubscribeRequest.find("do-not-unsubscribe 42 " + SIG, null)).isEmpty();
        assertThat(UnsubscribeRequest.find("unsubscribe 99999999999999999999 " + SIG, null)).isEmpty();
        assertThat(UnsubscribeRequest.find(null, null)).isEqualTo(Optional.empty());
    }
}

package org.beatbook.newsletters.domain;

/**
 * Something wrong with what staff entered: the field it concerns, a message key and its arguments, so every page
 * and the API can say it in the reader's language.
 */
public record Problem(String field, String code, Object... args) {
}

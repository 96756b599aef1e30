package org.beatbook.newsletters.domain;

/** One language version as staff wrote it; a null title means the generated one. */
public record Translation(String language, String title, String body) {
}

package org.beatbook.platform;

import java.util.List;
import java.util.Locale;

/** The languages the site is translated into, in the order the language switch lists them. */
public record SupportedLanguages(List<Locale> locales) {
}

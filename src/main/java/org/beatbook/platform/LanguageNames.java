package org.beatbook.platform;

import java.util.List;
import java.util.Locale;

/** Names of languages given as ISO 639-1 codes ("es"), in the reader's language ("Spanish", "español" → "Español"). */
public final class LanguageNames {

    private LanguageNames() {
    }

    public static String name(String code, Locale in) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }

    public static List<String> names(List<String> codes, Locale in) {
        return codes.stream().map(code -> name(code, in)).toList();
    }
}

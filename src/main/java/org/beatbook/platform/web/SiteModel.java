package org.beatbook.platform.web;

import org.beatbook.platform.SupportedLanguages;
import java.util.Locale;

import org.beatbook.platform.LanguageNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout needs: the map tile source and the language switch. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class SiteModel {

    private final String tileUrl;
    private final String tileAttribution;
    private final SupportedLanguages languages;

    SiteModel(@Value("${beatbook.map.tile-url}") String tileUrl,
              @Value("${beatbook.map.attribution}") String tileAttribution,
              SupportedLanguages languages) {
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.languages = languages;
    }

    @ModelAttribute("site")
    Site site(Locale locale) {
        return new Site(tileUrl, tileAttribution, languages.locales(), locale.getLanguage());
    }

    record Site(String tileUrl, String tileAttribution, java.util.List<Locale> languages, String language) {

        /** "English, Spanish" or "Inglés, Español": the page's language names the languages a person speaks. */
        public String languageNames(java.util.List<String> codes) {
            return String.join(", ", LanguageNames.names(codes, Locale.forLanguageTag(language)));
        }
    }
}

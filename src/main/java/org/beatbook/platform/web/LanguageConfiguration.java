package org.beatbook.platform.web;

import org.beatbook.platform.SupportedLanguages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language: {@code ?lang=es} sets it (kept in a cookie), otherwise the browser's preferred language
 * among the ones Beatbook is translated into, otherwise English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    private final List<Locale> supported;

    LanguageConfiguration(@Value("${beatbook.languages:en,es}") List<String> languages) {
        this.supported = languages.stream().map(Locale::forLanguageTag).toList();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("beatbook-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(this::preferredSupported);
        return resolver;
    }

    private Locale preferredSupported(HttpServletRequest request) {
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            for (Locale candidate : supported) {
                if (candidate.getLanguage().equals(language)) {
                    return candidate;
                }
            }
        }
        return supported.get(0);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Bean
    SupportedLanguages supportedLanguages() {
        return new SupportedLanguages(supported);
    }
}

package org.beatbook.geography.application;

import java.util.List;
import java.util.Locale;

import org.beatbook.geography.domain.ImportProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Says domain problems in the language of the current request (English on the console). */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> render(List<ImportProblem> problems) {
        return problems.stream().map(this::render).toList();
    }

    public String render(ImportProblem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = problem.args().stream().map(a -> a instanceof ImportProblem.FeatureRef f ? feature(f, locale) : a)
                .toArray();
        return messages.getMessage(problem.key(), args, locale);
    }

    private String feature(ImportProblem.FeatureRef feature, Locale locale) {
        return feature.code() == null
                ? messages.getMessage("geography.problem.feature.no-code", new Object[] {feature.index()}, locale)
                : messages.getMessage("geography.problem.feature", new Object[] {feature.index(), feature.code()}, locale);
    }
}

package org.beatbook.engagement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.beatbook.engagement.domain.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Field problems in the reader's language, naming the field: "Email: this is not an email address…". */
@Component
class ProblemText {

    private final MessageSource messages;

    ProblemText(MessageSource messages) {
        this.messages = messages;
    }

    String message(FieldProblem problem, Locale locale) {
        String field = messages.getMessage("engagement.field." + problem.field(), null, problem.field(), locale);
        Object[] args = Stream.concat(Stream.of(field), problem.args().stream()).toArray();
        return messages.getMessage("engagement.error." + problem.code(), args, locale);
    }

    /** First problem per field, in form order: what the summary and the fields show. */
    Map<String, String> byField(List<FieldProblem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), message(p, locale)));
        return errors;
    }
}

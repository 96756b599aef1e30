package org.beatbook.geography.web;

import java.util.Locale;

import org.beatbook.geography.application.GeographyRejection;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the geography module as RFC 9457 problem details, with every reason listed. */
@RestControllerAdvice(assignableTypes = GeographyApiController.class)
class GeographyApiErrors {

    private final MessageSource messages;

    GeographyApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail rejected(GeographyRejection rejection, Locale locale) {
        HttpStatus status = switch (rejection.kind()) {
            case UNKNOWN_LEVEL -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join(" ", rejection.reasons()));
        problem.setTitle(messages.getMessage("geography.api.refused.title", null, locale));
        problem.setProperty("errors", rejection.reasons());
        return problem;
    }
}

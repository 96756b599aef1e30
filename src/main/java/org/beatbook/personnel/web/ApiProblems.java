package org.beatbook.personnel.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beatbook.personnel.application.ViolationText;
import org.beatbook.personnel.domain.Conflict;
import org.beatbook.personnel.domain.InvalidInput;
import org.beatbook.personnel.domain.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Personnel API errors as RFC 9457 problem details; 400 and 409 list every bad field with a message. */
@RestControllerAdvice(assignableTypes = MemberApi.class)
class ApiProblems {

    private final ViolationText text;

    ApiProblems(ViolationText text) {
        this.text = text;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict conflict, Locale locale) {
        return problem(HttpStatus.CONFLICT, "Conflict", conflict, locale);
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", invalid, locale);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String title, InvalidInput invalid, Locale locale) {
        List<Map<String, String>> errors = invalid.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", text.message(v, locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fields are not right: " + String.join(", ",
                        errors.stream().map(e -> e.get("field")).toList()) + ".");
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }
}

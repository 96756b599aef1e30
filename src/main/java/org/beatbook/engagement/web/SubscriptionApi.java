package org.beatbook.engagement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.beatbook.engagement.application.Checked;
import org.beatbook.engagement.application.Engagement;
import org.beatbook.engagement.application.Engagement.Source;
import org.beatbook.engagement.application.RateLimited;
import org.beatbook.engagement.domain.FieldProblem;
import org.beatbook.engagement.domain.SignUp;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The sign-up for the city's own website and apps. The body is read field by field so that a wrong type
 * ({@code "priorities": "crime"}) is reported against its field like any other mistake.
 */
@RestController
class SubscriptionApi {

    private static final Set<String> FIELDS = Set.of("name", "email", "phone", "address", "language", "priorities",
            "concern", "consent");

    private final Engagement engagement;
    private final ProblemText text;
    private final MessageSource messages;

    SubscriptionApi(Engagement engagement, ProblemText text, MessageSource messages) {
        this.engagement = engagement;
        this.text = text;
        this.messages = messages;
    }

    record Accepted(String status, String district, String detail) {
    }

    @PostMapping(path = "/api/v1/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> subscribe(@RequestBody JsonNode body, Locale locale, HttpServletRequest request) {
        List<FieldProblem> shape = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return ResponseEntity.badRequest().body(problem(List.of(FieldProblem.of("body", "object")), locale));
        }
        body.propertyNames().forEach(name -> {
            if (!FIELDS.contains(name)) {
                shape.add(FieldProblem.of(name.length() > 50 ? name.substring(0, 50) : name, "unknownField"));
            }
        });
        SignUp signUp = new SignUp(string(body, "name", shape), string(body, "email", shape),
                string(body, "phone", shape), string(body, "address", shape), string(body, "language", shape),
                strings(body, "priorities", shape), string(body, "concern", shape), consent(body, shape));
        if (!shape.isEmpty()) {
            // Type errors first: checking the rest would report the same fields twice.
            return ResponseEntity.badRequest().body(problem(shape, locale));
        }
        Checked checked = engagement.submit(signUp, Source.API, null, ClientAddress.of(request));
        if (!checked.ok()) {
            return ResponseEntity.badRequest().body(problem(checked.problems(), locale));
        }
        return ResponseEntity.accepted().body(new Accepted("pending-confirmation", checked.unit().label(),
                messages.getMessage("engagement.api.accepted", null, locale)));
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("engagement.problem.limited.text", null, locale));
        problem.setTitle("Too many sign-ups");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600").body(problem);
    }

    private ProblemDetail problem(List<FieldProblem> problems, Locale locale) {
        List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of("field", p.field(), "message", text.message(p, locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? errors.get(0).get("message")
                : errors.size() + " fields are not right: "
                        + String.join(", ", errors.stream().map(e -> e.get("field")).toList()) + ".");
        problem.setTitle("Invalid sign-up");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String string(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(FieldProblem.of(field, "type"));
            return null;
        }
        return value.asString();
    }

    private static List<String> strings(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (!value.isArray() || value.size() > 50) {
            problems.add(FieldProblem.of(field, "list"));
            return items;
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                problems.add(FieldProblem.of(field, "list"));
                return List.of();
            }
            items.add(item.asString());
        }
        return items;
    }

    private static boolean consent(JsonNode body, List<FieldProblem> problems) {
        JsonNode value = body.get("consent");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(FieldProblem.of("consent", "boolean"));
            return false;
        }
        return value.asBoolean();
    }
}

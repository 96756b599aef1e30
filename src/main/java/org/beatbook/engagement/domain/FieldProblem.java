package org.beatbook.engagement.domain;

import java.util.List;

/**
 * One thing wrong with one field. {@code code} picks the message ({@code engagement.error.<code>}), {@code args}
 * fill it in.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}

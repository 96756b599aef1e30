package org.beatbook.incidents.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of the incidents API, every reason listed under "errors". */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String title, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join(" ", errors));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return new ErrorResponseException(status, problem, null);
    }

    static void check(Params params) {
        if (!params.ok()) {
            throw of(HttpStatus.BAD_REQUEST, "Invalid parameters", params.messages());
        }
    }
}

package org.beatbook.newsletters.application;

import java.util.List;

import org.beatbook.newsletters.domain.Problem;

/** Staff asked for something the rules refuse; the problems say what and where. Nothing was changed. */
public class NewsletterRejected extends RuntimeException {

    private final transient List<Problem> problems;

    public NewsletterRejected(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public NewsletterRejected(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}

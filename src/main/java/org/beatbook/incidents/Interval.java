package org.beatbook.incidents;

/** The period of a time series. */
public enum Interval {
    WEEK, MONTH
}

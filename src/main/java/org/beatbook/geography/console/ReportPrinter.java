package org.beatbook.geography.console;

import java.io.PrintStream;

import org.beatbook.geography.BoundaryImportReport;

/** Prints an import report the same way for every command; returns the exit code it stands for. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static int print(String level, BoundaryImportReport report, PrintStream out, PrintStream err) {
        report.warnings().forEach(w -> out.println("warning: " + w));
        if (!report.accepted()) {
            report.errors().forEach(e -> err.println("error: " + e));
            err.println("Rejected: " + report.errors().size() + " error(s) in " + report.featureCount()
                    + " feature(s); level " + level + " was not changed.");
            return 1;
        }
        out.println("Imported level " + level + ": " + report.unitCount() + " unit(s) from " + report.featureCount()
                + " feature(s)" + (report.multiPartUnits().isEmpty() ? ""
                : "; made of several parts: " + String.join(", ", report.multiPartUnits())) + ".");
        return 0;
    }

    static String actor() {
        return "console:" + System.getProperty("user.name", "unknown");
    }
}

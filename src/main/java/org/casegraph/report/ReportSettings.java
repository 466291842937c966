package org.casegraph.report;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports come from and how long one may run.
 *
 * @param directory a folder of further report files ({@code *.cypher}) beside the ones
 * the application carries; none when empty
 * @param timeout longest a report may run (its read transaction's timeout)
 */
@ConfigurationProperties("casegraph.reports")
public record ReportSettings(Path directory, @DefaultValue("120s") Duration timeout) {
}

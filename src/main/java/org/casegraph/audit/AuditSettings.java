package org.casegraph.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail.
 *
 * @param directory where the trail's files are written, apart from the data directory
 * @param justificationRequired whether a request that discloses a sensitive field must
 * carry a justification (the X-Casegraph-Justification header)
 */
@ConfigurationProperties("casegraph.audit")
public record AuditSettings(@DefaultValue("./audit") Path directory,
		@DefaultValue("false") boolean justificationRequired) {
}

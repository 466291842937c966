package org.casegraph.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for admins (the route needs the admin role): entries by time and user,
 * and a check of the chain. Each read is itself an entry.
 */
@RestController
class AuditController {

	private static final int MOST = 10_000;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	ResponseEntity<?> entries(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String user) throws IOException {
		AuditTrail.Entries entries = audit.trail()
			.read(from, to, entry -> user == null || user.equals(entry.path("actor").path("name").asString(null)),
					MOST);
		if (entries.total() > MOST) {
			return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					entries.total() + " entries match; narrow the time (from, to) to at most " + MOST))
				.build();
		}
		return ResponseEntity.ok(Map.of("entries", entries.first(), "total", entries.total()));
	}

	@GetMapping("/audit/verify")
	AuditTrail.Verification verify() throws IOException {
		return AuditTrail.verify(audit.trail().directory());
	}

}

package org.casegraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.audit.AuditTrail;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.cli.Commands.run;

/**
 * Commands that read or write case data leave an audit entry; {@code audit verify} checks
 * the chain and names where it breaks; {@code export --redact} writes the placeholder for
 * every sensitive field.
 */
class JobAuditIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void importAndExportAreAuditedAndAnExportCanBeRedacted() throws IOException {
		Path audit = Path.of(System.getProperty("casegraph.audit.directory"));
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 5, bundle);
		Path data = temp.resolve("data");
		Path redacted = temp.resolve("redacted.json");
		long before = entries(audit);

		assertThat(run("import", "csv", bundle.toString(), "--data-dir", data.toString()).status()).isZero();
		assertThat(run("export", "--out", redacted.toString(), "--redact", "--data-dir", data.toString()).status())
			.isZero();

		String export = Files.readString(redacted);
		assertThat(export).contains("\"body\":\"[redacted]\"")
			.doesNotContainPattern("\"body\":\"(?!\\[redacted])")
			.doesNotContainPattern("\"handle\":\"(?!\\[redacted])");
		List<String> added = lines(audit).subList((int) before, (int) entries(audit));
		assertThat(added).anySatisfy(line -> assertThat(line).contains("\"channel\":\"cli\"")
			.contains("\"operation\":\"casegraph import csv\""));
		assertThat(added)
			.anySatisfy(line -> assertThat(line).contains("\"operation\":\"casegraph export\"").contains("--redact"));
		assertThat(AuditTrail.verify(audit).intact()).isTrue();
	}

	@Test
	void auditVerifyExitsZeroWhenIntactAndOneNamingTheBreak() throws IOException {
		Path trail = temp.resolve("trail");
		AuditTrail writer = new AuditTrail(trail);
		for (int i = 0; i < 4; i++) {
			writer.append(java.util.Map.of("channel", "graphql", "n", i));
		}
		Commands.Run intact = run("audit", "verify", "--directory", trail.toString());
		assertThat(intact.status()).isZero();
		assertThat(intact.out()).contains("intact: 4 entries");

		Path file = AuditTrail.files(trail).getFirst();
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		lines.set(2, lines.get(2).replace("\"n\":2", "\"n\":7"));
		Files.write(file, lines);
		Commands.Run broken = run("audit", "verify", "--directory", trail.toString());
		assertThat(broken.status()).isEqualTo(1);
		assertThat(broken.out()).contains("broken at sequence number 2");
	}

	private static long entries(Path audit) throws IOException {
		return lines(audit).size();
	}

	private static List<String> lines(Path audit) throws IOException {
		List<String> lines = new java.util.ArrayList<>();
		for (Path file : AuditTrail.files(audit)) {
			lines.addAll(Files.readAllLines(file));
		}
		return lines;
	}

}

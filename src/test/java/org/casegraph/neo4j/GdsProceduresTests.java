package org.casegraph.neo4j;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class GdsProceduresTests {

	@Test
	void theListHoldsEveryGdsClassThatDeclaresProceduresOrFunctions() {
		assertThat(GdsProcedures.listed())
			.as("src/main/resources/%s against the classes GDS declares procedures in (after a GDS upgrade, "
					+ "write the scanned names there, one a line)", GdsProcedures.CLASSES)
			.containsExactlyElementsOf(scanned());
	}

	/** Found as a server's plugin loader would: by their annotations, in name order. */
	private static List<String> scanned() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(GdsProceduresTests::declaresProcedures);
		return scanner.findCandidateComponents("org.neo4j.gds")
			.stream()
			.map(candidate -> candidate.getBeanClassName())
			.sorted()
			.toList();
	}

	private static boolean declaresProcedures(MetadataReader reader, MetadataReaderFactory factory) {
		var metadata = reader.getAnnotationMetadata();
		return metadata.hasAnnotatedMethods("org.neo4j.procedure.Procedure")
				|| metadata.hasAnnotatedMethods("org.neo4j.procedure.UserFunction")
				|| metadata.hasAnnotatedMethods("org.neo4j.procedure.UserAggregationFunction");
	}

}

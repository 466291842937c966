package org.casegraph.referencecase;

import java.util.Map;

import org.casegraph.ingest.GraphBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference case's synthetic layer is built as every import is: each node goes
 * through the vocabulary check of {@link GraphBatch}, and the same seed gives the same
 * case.
 */
class SyntheticCaseTests {

	@Test
	void theSyntheticLayerKeepsToTheVocabularyAndIsTheSameForASeed() {
		GraphBatch first = SyntheticCase.generate(20190430L);
		GraphBatch again = SyntheticCase.generate(20190430L);

		assertThat(first.size()).isGreaterThan(1_000);
		assertThat(first.nodes()).filteredOn(node -> "Message".equals(node.get("kind")))
			.hasSizeGreaterThan(1_000)
			.allSatisfy(message -> assertThat(((Map<?, ?>) message.get("properties")).get("channel")).isNotNull());
		assertThat(again.nodes()).isEqualTo(first.nodes());
		assertThat(again.relationships()).isEqualTo(first.relationships());
	}

}

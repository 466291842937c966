package org.casegraph.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain words are searched as typed: Lucene's syntax characters and operators escaped.
 */
class SearchTextTests {

	@Test
	void syntaxCharactersAndOperatorsAreTakenAsTheyAre() {
		assertThat(EntityController.plainWords("van keys")).isEqualTo("van keys");
		assertThat(EntityController.plainWords("(AND) OR NOT*")).isEqualTo("\\(and\\) or not\\*");
		assertThat(EntityController.plainWords("a:b \"c\" d~ e^2 f/g \\ h"))
			.isEqualTo("a\\:b \\\"c\\\" d\\~ e\\^2 f\\/g \\\\ h");
		assertThat(EntityController.plainWords("ANDROID ORANGE")).isEqualTo("ANDROID ORANGE");
	}

}

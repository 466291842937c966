package org.casegraph.investigation;

/**
 * What an investigation ended in for an officer. The one list of allowed values: the
 * GraphQL schema's enum of the same name, the importers and the docs must agree with it
 * (VocabularyTests).
 */
public enum OutcomeKind {

	DISMISSAL_GROSS_MISCONDUCT, WOULD_HAVE_BEEN_DISMISSED, FINAL_WRITTEN_WARNING, WRITTEN_WARNING, RESIGNATION,
	BARRED_LIST, ADVISORY_LIST, SUSPENSION, RESTRICTED_DUTIES, REFLECTIVE_PRACTICE, NO_CASE_TO_ANSWER

}

package org.casegraph.allegation;

/**
 * The categories of misconduct an allegation can be of. The one list of allowed values:
 * the GraphQL schema's enum of the same name, the importers and the docs must agree with
 * it (VocabularyTests).
 */
public enum AllegationCategory {

	VIOLENCE_TOWARDS_WOMEN, TAKING_ADVANTAGE_OF_VULNERABLE_PEOPLE, CONTROLLED_SUBSTANCES, BULLYING,
	PERVERTING_THE_COURSE_OF_JUSTICE, DISCRIMINATORY_LANGUAGE, FAILURE_TO_REPORT, SEXUAL_HARASSMENT, JOKES_ABOUT_RAPE,
	SEXUAL_MISCONDUCT

}

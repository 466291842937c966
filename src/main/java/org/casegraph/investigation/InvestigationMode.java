package org.casegraph.investigation;

/**
 * Who carries out an investigation. The one list of allowed values: the GraphQL schema's
 * enum of the same name, the importers and the docs must agree with it (VocabularyTests).
 */
public enum InvestigationMode {

	INDEPENDENT, DIRECTED, LOCAL

}

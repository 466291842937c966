package org.casegraph.messaging;

/**
 * What kind of account (a number or handle) a person uses. The one list of allowed
 * values: the importers and the docs must agree with it (VocabularyTests); the schema
 * gives it as text.
 */
public enum AccountKind {

	PHONE, WHATSAPP, EMAIL

}

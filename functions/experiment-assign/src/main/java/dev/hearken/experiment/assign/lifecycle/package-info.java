/**
 * The life of an experiment as operators drive it: the rules a definition must follow to be accepted
 * ({@link dev.hearken.experiment.assign.lifecycle.ExperimentRules}, GrowthBook's), and which changes each status
 * allows ({@link dev.hearken.experiment.assign.lifecycle.Lifecycle}: draft → running → stopped, edits while draft,
 * deletion of drafts and stopped experiments). Plain Java, no storage: the operator API applies these functions to
 * the version of the experiment it is about to replace.
 */
package dev.hearken.experiment.assign.lifecycle;

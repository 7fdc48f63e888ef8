/**
 * Experiment assignment compatible with GrowthBook: the same user gets the same variation here as
 * in GrowthBook's JavaScript SDK, checked against GrowthBook's cross-SDK suite
 * ({@code growthbook/cases.json}, vendored in this module's test resources) by {@code GrowthBookConformanceTest}.
 *
 * <p>Entry points: {@link dev.hearken.experiment.assignment.Experiment#fromMap} to read a
 * definition, {@link dev.hearken.experiment.assignment.ExperimentRunner#run} to assign a user.
 * The building blocks ({@link dev.hearken.experiment.assignment.GrowthBookHash},
 * {@link dev.hearken.experiment.assignment.Buckets},
 * {@link dev.hearken.experiment.assignment.ConditionEvaluator}) are public because the suite
 * tests them one by one.
 *
 * <p>Where GrowthBook's SDKs disagree with each other, this package follows the JS SDK: hashing is
 * over UTF-16 code units, numbers are stringified and compared the JavaScript way. Plain Java only
 * (an ArchUnit test keeps it so): JSON values are {@code Map}/{@code List}/{@code String}/
 * {@code Number}/{@code Boolean}/{@code null}, so any JSON library's output can be passed in.
 */
package dev.hearken.experiment.assignment;

/**
 * Scenario files: reading and writing the YAML/JSON format of scenario-format.md, and
 * {@code import-aws}.
 *
 * <p>{@link org.viflab.scenario.ScenarioReader} reads a file into a {@link org.viflab.scenario.Scenario}:
 * a title, the starting topology ({@link org.viflab.scenario.ScenarioTopology}, whose
 * {@link org.viflab.scenario.Scenario#setup()} gives the ordered coordinator submissions that build it,
 * all as {@code operator}), watched flows by name, and numbered {@link org.viflab.scenario.Step}s. A step's
 * action is a coordinator {@link org.viflab.coordinator.Submission}, a trace of a
 * {@link org.viflab.flow.Flow}, a propagation, or a {@link org.viflab.scenario.Step.Malformed} request
 * whose parameters did not parse (the runner reports it rejected with its code); its
 * {@link org.viflab.scenario.Expectations} hold every expectation key of the format.
 *
 * <p>Every problem with a file is one {@link org.viflab.scenario.ScenarioException} reading
 * {@code file:line:col: path.to.key: reason}. Reading checks the input ({@code SourceDocument}:
 * bounded size and depth, no YAML anchors, aliases or custom tags, no duplicate keys), binds it
 * strictly to the file-shape records of {@code FileFormat} (unknown keys fail, no type coercion),
 * then converts it and checks the topology's references. A well-formed file is bound straight from
 * the parser's tokens; the located tree, with the position of every key, is built only when an
 * error or a malformed step needs it, and a file that breaks a rule is read through it from the
 * start, so that its error reads the same. The reason is a sentence (keys in {@code Problem}, words in
 * {@code sentences*.properties}): {@code getMessage()} is English, and
 * {@link org.viflab.scenario.ScenarioException#message(java.util.Locale)} says the reason in the UI's
 * language after the same {@code file:line:col}.
 *
 * <p>{@link org.viflab.scenario.ScenarioWriter} writes a scenario back (reading the text gives an
 * equal scenario) and saves a lab with its watched flows ({@link org.viflab.scenario.LabSnapshot}).
 * Files are written with {@link org.viflab.scenario.AtomicFile}: beside the file, then moved over
 * it, so that a failed write leaves the old file whole.
 * {@link org.viflab.scenario.AwsImport} builds a scenario from {@code aws ec2 describe-*} outputs.
 *
 * <p>This is the only package that touches Jackson; no Jackson type appears in its public API.
 */
package org.viflab.scenario;

package dev.hearken.local;

import java.util.Map;

/**
 * A function as the synthesised template declares it.
 *
 * @param logicalId   CloudFormation logical id
 * @param name        short name (the module name, e.g. {@code experiment-assign})
 * @param module      repository path of the function's Maven module (from {@code hearken:artifact} metadata)
 * @param handler     the Lambda handler
 * @param memoryMb    memory size
 * @param timeoutSec  timeout
 * @param environment environment variables, with references to tables/queues resolved to their names
 */
record LocalFunction(
        String logicalId, String name, String module, String handler, int memoryMb, int timeoutSec,
        Map<String, String> environment) {}

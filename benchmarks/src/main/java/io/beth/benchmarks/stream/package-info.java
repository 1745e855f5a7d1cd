/**
 * JMH benchmarks of the stream core beside the JDK's ArrayBlockingQueue and SubmissionPublisher.
 */
package io.beth.benchmarks.stream;

/** JMH benchmarks and load harnesses measuring Beth against hand-written Netty baselines. */
package io.beth.benchmarks;

package io.cairn.template.internal.runner;

/** Keeps one dependency's data current until stopped. */
interface Watch {

    void start();

    void stop();
}

import { engineBench, formatEngineBench } from "./engine";
console.log(formatEngineBench(engineBench()));
console.log(formatEngineBench(engineBench()));

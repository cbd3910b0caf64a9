/**
 * The registry of unit operations: every kind of schema/kinds.ts with its implementation. The
 * `satisfies` clause makes a kind without an implementation a compile error.
 */
import type { UnitKind } from '../schema/kinds.js';
import type { UnitOp } from './contract.js';
import { mixer } from './mixer.js';
import { splitter } from './splitter.js';
import { separator } from './separator.js';
import { reactor } from './reactor.js';
import { relithiationHydrothermal } from './relithiation-hydrothermal.js';
import { relithiationMoltenSalt } from './relithiation-molten-salt.js';
import { relithiationSolidState } from './relithiation-solid-state.js';
import { relithiationElectrochemical } from './relithiation-electrochemical.js';
import { relithiationRedoxMediated } from './relithiation-redox-mediated.js';
// <<imports: relithiation>>
import { sorting } from './sorting.js';
import { delaminationNmp } from './delamination-nmp.js';
import { delaminationThermal } from './delamination-thermal.js';
import { delaminationAlkaline } from './delamination-alkaline.js';
import { delaminationUltrasonic } from './delamination-ultrasonic.js';
import { delaminationDes } from './delamination-des.js';
import { liquorRecovery } from './liquor-recovery.js';
import { flotation } from './flotation.js';
import { lithiumRecovery } from './lithium-recovery.js';
// <<imports: preparation>>
import { washing } from './washing.js';
import { filtration } from './filtration.js';
import { drying } from './drying.js';
import { sintering } from './sintering.js';
import { surfaceReconstruction } from './surface-reconstruction.js';
import { coating } from './coating.js';
import { doping } from './doping.js';
import { electrodeRefabrication } from './electrode-refabrication.js';
// <<imports: finishing>>

/** Every unit-operation kind and its implementation. */
export const REGISTRY = {
  mixer,
  splitter,
  separator,
  reactor,
  'relithiation-hydrothermal': relithiationHydrothermal,
  'relithiation-molten-salt': relithiationMoltenSalt,
  'relithiation-solid-state': relithiationSolidState,
  'relithiation-electrochemical': relithiationElectrochemical,
  'relithiation-redox-mediated': relithiationRedoxMediated,
  // <<registry: relithiation>>
  sorting,
  'delamination-nmp': delaminationNmp,
  'delamination-thermal': delaminationThermal,
  'delamination-alkaline': delaminationAlkaline,
  'delamination-ultrasonic': delaminationUltrasonic,
  'delamination-des': delaminationDes,
  'liquor-recovery': liquorRecovery,
  flotation,
  'lithium-recovery': lithiumRecovery,
  // <<registry: preparation>>
  washing,
  filtration,
  drying,
  sintering,
  'surface-reconstruction': surfaceReconstruction,
  coating,
  doping,
  'electrode-refabrication': electrodeRefabrication,
  // <<registry: finishing>>
} satisfies { [K in UnitKind]: UnitOp<any, K> };

/** The implementation of a kind. */
export function unitOp(kind: UnitKind): UnitOp {
  return REGISTRY[kind] as unknown as UnitOp;
}

/**
 * Specific health facts in free text, by category. A term alone is not PHI; next to a person
 * it is ("J. Carter, HIV positive"). Multi-word terms are matched as phrases, whole words only.
 */
import type { HealthCategory } from '../../core/types.js';

export const HEALTH_TERMS: Record<HealthCategory, readonly string[]> = {
  diagnosis: [
    'diabetes', 'type 2 diabetes', 'type 1 diabetes', 'diabetic', 'hypertension', 'asthma', 'copd',
    'cancer', 'carcinoma', 'melanoma', 'leukemia', 'lymphoma', 'tumor', 'tumour', 'hepatitis',
    'hepatitis c', 'covid', 'covid-19', 'pneumonia', 'stroke', 'dementia', "alzheimer's", 'alzheimers',
    'epilepsy', 'seizure', 'seizures', 'heart failure', 'atrial fibrillation', 'afib', 'ckd',
    'kidney disease', 'renal failure', 'cirrhosis', 'sepsis', 'tuberculosis', 'multiple sclerosis',
    "parkinson's", 'arthritis', 'osteoporosis', 'obesity', 'anemia', 'hypothyroidism', 'lupus',
    'migraine', 'concussion', 'fracture', 'myocardial infarction', 'heart attack', 'diagnosed',
    'diagnosis', 'dx', 'icd-10', 'autism', 'adhd', 'hyperkalemia', 'hypoglycemia', 'hyperglycemia',
  ],
  condition: [
    'insulin pump', 'pacemaker', 'wheelchair', 'amputation', 'amputee', 'blind', 'deaf', 'disabled',
    'disability', 'chronic pain', 'hospice', 'palliative', 'terminal', 'post-op', 'pre-op',
    'knee', 'hip', 'cardiac', 'oncology', 'dialysis patient', 'high risk', 'fall risk',
  ],
  medication: [
    'metformin', 'insulin', 'lisinopril', 'atorvastatin', 'simvastatin', 'amlodipine', 'sertraline',
    'fluoxetine', 'escitalopram', 'citalopram', 'bupropion', 'venlafaxine', 'trazodone', 'lithium',
    'quetiapine', 'olanzapine', 'risperidone', 'aripiprazole', 'oxycodone', 'hydrocodone', 'morphine',
    'fentanyl', 'tramadol', 'codeine', 'warfarin', 'apixaban', 'eliquis', 'xarelto', 'prednisone',
    'amoxicillin', 'azithromycin', 'levothyroxine', 'gabapentin', 'albuterol', 'omeprazole',
    'losartan', 'hydrochlorothiazide', 'furosemide', 'clopidogrel', 'adderall', 'methylphenidate',
    'alprazolam', 'xanax', 'lorazepam', 'clonazepam', 'diazepam', 'zolpidem', 'ozempic', 'semaglutide',
    'truvada', 'prep', 'methotrexate', 'humira', 'chemotherapy', 'antidepressant', 'antipsychotic',
    'opioid', 'opioids', 'benzodiazepine', 'early refill', 'prescription', 'prescribed',
  ],
  procedure: [
    'x-ray', 'xray', 'mri', 'ct scan', 'cat scan', 'ultrasound', 'biopsy', 'surgery', 'colonoscopy',
    'mammogram', 'knee replacement', 'hip replacement', 'dialysis', 'radiation therapy',
    'panoramic', 'pano', 'root canal', 'extraction', 'implant', 'transplant', 'amputated',
    'vaccination', 'vaccine', 'ekg', 'ecg', 'echocardiogram', 'endoscopy', 'angioplasty', 'c-section',
  ],
  'lab-result': [
    'potassium', 'sodium', 'a1c', 'hba1c', 'glucose', 'creatinine', 'cholesterol', 'ldl', 'hdl', 'inr',
    'troponin', 'hemoglobin', 'platelets', 'wbc', 'tsh', 'psa', 'lab result', 'lab results',
    'blood test', 'positive for', 'tested positive', 'critical value', 'viral load', 'cd4',
    'urine drug screen', 'drug screen', 'biopsy result', 'pathology',
  ],
  allergy: ['allergy', 'allergies', 'allergic', 'allergic to', 'anaphylaxis', 'penicillin allergy', 'nut allergy'],
  'vital-sign': ['blood pressure', 'heart rate', 'bmi', 'oxygen saturation', 'spo2', 'temperature of', 'fever'],
  'mental-health': [
    'depression', 'depressed', 'major depressive disorder', 'anxiety', 'bipolar', 'schizophrenia',
    'ptsd', 'suicidal', 'suicidal ideation', 'suicide attempt', 'suicide', 'self-harm', 'self harm',
    'eating disorder', 'anorexia', 'bulimia', 'psychosis', 'psychotic', 'panic disorder', 'ocd',
    'phq-9', 'phq9', 'gad-7', 'psychotherapy', 'psychiatric', 'crisis plan', 'safety plan',
    'involuntary hold', '5150', 'therapy session', 'counseling', 'mental health',
  ],
  'substance-use': [
    'opioid use disorder', 'alcohol use disorder', 'substance use', 'overdose', 'overdosed',
    'methadone', 'buprenorphine', 'suboxone', 'naloxone', 'narcan', 'relapse', 'relapsed', 'detox',
    'rehab', 'alcoholism', 'alcoholic', 'addiction', 'withdrawal', 'sobriety',
  ],
  'sexual-health': [
    'hiv', 'hiv positive', 'hiv-positive', 'aids', 'sti', 'syphilis', 'gonorrhea', 'chlamydia',
    'herpes', 'hpv', 'prep', 'sexually transmitted',
  ],
  genetic: ['brca1', 'brca2', 'brca', 'genetic test', 'genetic testing', 'huntington', 'gene mutation', 'carrier status'],
  reproductive: [
    'pregnant', 'pregnancy', 'miscarriage', 'abortion', 'ivf', 'prenatal', 'postpartum', 'infertility',
    'contraception', 'birth control', 'stillbirth', 'ectopic',
  ],
  'clinical-note': ['chief complaint', 'progress note', 'soap note', 'discharge summary', 'symptoms', 'follow-up', 'follow-ups', 'prognosis'],
  'insurance-claim': ['cob', 'coordination of benefits', 'denied claim', 'claim denial', 'prior auth', 'eob', 'remittance'],
};
